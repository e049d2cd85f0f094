export { evaluateCondition, isConditionTruthy } from './evaluate_condition';

import { describeKindRows } from './kind_row';
import { flowRows } from './flow_rows';

describeKindRows('control-flow step kinds', flowRows);

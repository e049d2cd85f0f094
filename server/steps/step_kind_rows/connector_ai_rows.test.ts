import { describeKindRows } from './kind_row';
import { connectorAiRows } from './connector_ai_rows';

describeKindRows('connector and AI step kinds', connectorAiRows);

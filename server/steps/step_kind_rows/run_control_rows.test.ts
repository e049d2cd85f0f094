import { describeKindRows } from './kind_row';
import { runControlRows } from './run_control_rows';

describeKindRows('run-control step kinds', runControlRows);

import { describeKindRows } from './kind_row';
import { dataRows } from './data_rows';

describeKindRows('data step kinds', dataRows);

import { describeKindRows } from './kind_row';
import { ioRows } from './io_rows';

describeKindRows('I/O step kinds', ioRows);

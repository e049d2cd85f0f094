export { ConflictError } from './conflict_error';
export { NotFoundError } from './not_found_error';
export { UserError } from './user_error';

export { UsageError, NoInputError } from '../api/errors.js';

// The service module reads record values with the shared defensive readers.
export { type Values, asText, asFlag, isDeleted } from '../core/read';

/** Errors a collection throws instead of returning a snapshot: when nothing at all could be read. */
import type { CollectError } from '../accountModel';

/** No snapshot is possible (no credentials, endpoint unreachable, no region): `error` says why and how to fix it. */
export class AwsCollectionError extends Error {
  override readonly name = 'AwsCollectionError';
  constructor(readonly error: CollectError) {
    super(error.message);
  }
}

/**
 * The AWS side of Lambda Guard, and the only module the rest of the code loads (lazily: the build bundles
 * it, with the AWS SDK, as dist/awsCollectors.js — see `lazyAws` in esbuild.mjs). It names what callers
 * may use; all SDK code stays behind it.
 */
export { createAwsSource } from './awsSource';
export { describeAwsError, type AwsErrorContext } from './awsErrors';
export type { AwsConnection, AwsSourceOptions } from './connection';
export { READ_ONLY_OPERATIONS, iamActionFor, requiredIamActions, WriteOperationRefusedError, type AwsCall } from './readOnly';
export { AwsCollectionError } from './sourceErrors';
export type { TelemetryTuning } from './telemetryTuning';
export { defaultRegion } from './regions';
export { listProfiles, profileRegion } from './profiles';

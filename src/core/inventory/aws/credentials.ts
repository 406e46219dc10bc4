/**
 * Credentials: the caller's own provider, or the SDK's standard Node chain for the profile — environment,
 * SSO, assume-role (with an MFA prompt), credential_process, web identity, container and instance roles.
 * One memoised provider per source, so an MFA code or an SSO token is asked for once, not per client.
 */
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { AwsConnection } from './connection';

export function credentialProvider(conn: AwsConnection): AwsCredentialIdentityProvider {
  if (conn.credentials) return conn.credentials;
  return fromNodeProviderChain({
    ...(conn.profile ? { profile: conn.profile } : {}),
    ...(conn.mfaCodeProvider ? { mfaCodeProvider: conn.mfaCodeProvider } : {}),
  });
}

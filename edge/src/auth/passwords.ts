import { type Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * How hard a stored secret is to guess offline. `standard` is argon2id with OWASP's minimum
 * (19 MiB, 2 passes): about 40 ms here, enough to slow guessing; every person's password and
 * PIN gets it. `light` (1 MiB, 1 pass, about a millisecond) is only for the made-up
 * secrets of a throwaway demo site that automated checks start and delete by the hundred.
 * The parameters travel inside each hash, so verifying needs no setting.
 */
export type SecretCost = 'standard' | 'light';
const costs: Record<SecretCost, { memoryCost: number; timeCost: number }> = {
  standard: { memoryCost: 19_456, timeCost: 2 },
  light: { memoryCost: 1_024, timeCost: 1 },
};

export function hashSecret(secret: string, cost: SecretCost = 'standard'): Promise<string> {
  return hash(secret, { algorithm: 2 as Algorithm, parallelism: 1, ...costs[cost] });
}

// Verified against when the user does not exist, so an unknown name costs as much as a wrong password.
let decoy: Promise<string> | undefined;

export async function verifySecret(hashed: string | undefined, secret: string): Promise<boolean> {
  if (!hashed) {
    decoy ??= hashSecret('decoy-password-for-timing');
    await verify(await decoy, secret);
    return false;
  }
  try {
    return await verify(hashed, secret);
  } catch {
    return false;
  }
}

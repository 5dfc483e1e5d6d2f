import { type Algorithm, hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's minimum (19 MiB, 2 passes): about 40 ms here, enough to slow guessing.
const options = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, options);
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

import { hash, verify } from "@node-rs/argon2";

/** argon2id at OWASP's minimum profile (19 MiB, 2 passes, 1 lane). */
export const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

let dummyHash: Promise<string> | undefined;
/** Spends the same work as a real check, so that an unknown account answers as slowly as a wrong password. */
export const burnPasswordCheck = async (password: string): Promise<void> => {
  dummyHash ??= hashPassword("relance-timing-equaliser");
  await verifyPassword(await dummyHash, password);
};

/**
 * Keeps secrets out of everything saydo writes: any value of a secret-looking
 * environment variable is replaced wherever it appears in a text.
 */

const SECRET_NAME = /(API_KEY|APIKEY|TOKEN|SECRET|PASSWORD)/i;
/** Shorter values are too likely to occur by chance to be worth hiding (and harmless). */
const MIN_SECRET_LENGTH = 8;

/** The secret values of an environment, longest first so overlapping ones are hidden whole. */
function secretValues(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && value !== undefined && value.length >= MIN_SECRET_LENGTH)
    .map(([, value]) => value!)
    .sort((a, b) => b.length - a.length);
}

/** `text` with every secret value replaced by `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[] = secretValues()): string {
  return secrets.reduce((redacted, secret) => redacted.split(secret).join('[redacted]'), text);
}

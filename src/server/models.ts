/**
 * `GET /v1/models`: the reference models, in a list both official SDKs can read.
 */
import { REFERENCE_MODEL_NAMES } from './wire.js';

/** A fixed creation time (2025-01-01), so the listing is the same on every run. */
const CREATED = 1_735_689_600;

/** OpenAI's model list, with the fields Anthropic's list adds (`type`, `display_name`, `created_at`, paging). */
export function modelList(): unknown {
  const data = REFERENCE_MODEL_NAMES.map((id) => ({
    id,
    object: 'model',
    created: CREATED,
    owned_by: 'saydo',
    type: 'model',
    display_name: `saydo ${id} (a deterministic simulated model)`,
    created_at: new Date(CREATED * 1000).toISOString(),
  }));
  return { object: 'list', data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
}

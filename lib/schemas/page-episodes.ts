/**
 * The popup's check of a tab's answer to the page-episodes message (lib/page-episodes.ts): the content script is
 * another process, the answer untrusted until it fits the same episode schema the background
 * checks recorded episodes with.
 */
import * as v from 'valibot';
import { MESSAGE_SCHEMAS } from '@/lib/schemas/requests';
import { PAGE_EPISODES_LIMIT, type PageEpisodesReply } from '@/lib/page-episodes';

const replySchema = v.object({
  url: v.pipe(v.string(), v.maxLength(4096)),
  episodes: v.pipe(
    v.array(
      v.object({
        key: v.nullable(v.pipe(v.string(), v.maxLength(2000))),
        episode: MESSAGE_SCHEMAS.recordEpisode.entries.episode,
        sourceKeys: v.array(v.nullable(v.pipe(v.string(), v.maxLength(2000)))),
      }),
    ),
    v.maxLength(PAGE_EPISODES_LIMIT),
  ),
});

/** The checked answer, or `null` when `value` is not one (an old content script, a bad reply). */
export function checkPageEpisodesReply(value: unknown): PageEpisodesReply | null {
  const parsed = v.safeParse(replySchema, value);
  if (!parsed.success) return null;
  // Every episode's key list must match its sources one to one.
  const ok = parsed.output.episodes.every((e) => e.sourceKeys.length === e.episode.sources.length);
  return ok ? (parsed.output as PageEpisodesReply) : null;
}

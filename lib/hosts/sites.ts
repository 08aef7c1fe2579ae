/**
 * The sites Citecast runs on by itself, as names and addresses only, in the registry's order
 * (lib/hosts/index.ts; a registry test keeps the two lists equal). The popup imports this list
 * rather than the registry, which would carry every reader and the parser into its one script.
 */
import { appleInfo } from '@/lib/hosts/apple';
import { podimoInfo } from '@/lib/hosts/podimo';
import { showSiteInfo } from '@/lib/hosts/show-site';
import { spotifyInfo } from '@/lib/hosts/spotify';

/** The sites, without their readers. */
export const SITE_INFO = [showSiteInfo, podimoInfo, spotifyInfo, appleInfo] as const;

/** The settings key of a site. */
export type SiteId = (typeof SITE_INFO)[number]['id'];

/** The ids of the sites, in their order: the keys of the settings' site switches. */
export const SITE_IDS: readonly SiteId[] = SITE_INFO.map((site) => site.id);

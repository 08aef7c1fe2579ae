/**
 * The page features the content script runs, in the order they show their state. Adding a
 * feature: a module here that returns a {@link Feature}, and one line below.
 */
import type { FeatureSet } from '@/lib/content/feature';
import type { Feature } from '@/lib/content/feature';
import { createArxivFeature } from '@/lib/content/features/arxiv';
import { createBadgeFeature } from '@/lib/content/features/badge';
import { createChooseFeature } from '@/lib/content/features/choose';
import { createCopyFeature } from '@/lib/content/features/copy';
import { createHeardFeature } from '@/lib/content/features/heard';
import { createOpenAllFeature } from '@/lib/content/features/open-all';
import { createOpenPdfFeature } from '@/lib/content/features/open-pdf';
import { createRecordFeature } from '@/lib/content/features/record';
import { createResumeFeature } from '@/lib/content/features/resume';
import { createSaveFeature } from '@/lib/content/features/save';
import { createZoteroFeature } from '@/lib/content/features/zotero';

/** Every page feature (the page keyboard, lib/content/features/keys.ts, runs beside them). */
export const pageFeatures: FeatureSet = (page, annotator): Feature[] => {
  const save = createSaveFeature(page);
  const heard = createHeardFeature(page);
  const zotero = createZoteroFeature(page);
  return [
    createArxivFeature(page, annotator),
    heard,
    createResumeFeature(page, heard),
    save,
    zotero,
    createOpenPdfFeature(page),
    createOpenAllFeature(page),
    createChooseFeature(page, save, zotero),
    createCopyFeature(page, save),
    createBadgeFeature(page, save),
    createRecordFeature(page, heard),
  ];
};

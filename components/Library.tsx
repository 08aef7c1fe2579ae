/**
 * The library page: a nav and one section at a time, chosen by the address's hash
 * (`#papers`, `#episodes`, `#stats`, `#import-export`, `#settings`). The papers selected in
 * Papers are what Import / export exports.
 */
import { useEffect, useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { EpisodesSection } from '@/components/library/EpisodesSection';
import { ImportExportSection } from '@/components/library/ImportExportSection';
import { PapersSection } from '@/components/library/PapersSection';
import { SettingsSection } from '@/components/library/SettingsSection';
import { StatsSection } from '@/components/library/StatsSection';
import { SECTIONS, sectionFromHash, type LibrarySection } from '@/lib/ui/sections';

/** See the module comment. */
export function Library() {
  const { t } = useT();
  const [section, setSection] = useState<LibrarySection>(() =>
    sectionFromHash(globalThis.location?.hash ?? ''),
  );
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [episodeFilter, setEpisodeFilter] = useState<{ key: string; title: string } | null>(null);

  useEffect(() => {
    const onHash = () => setSection(sectionFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = `${t(`nav.${section}`)} · ${t('library.title')}`;
  }, [section, t]);

  return (
    <div class="library">
      <header class="library-header">
        <h1 class="library-title">{t('library.title')}</h1>
        <nav class="library-nav" aria-label={t('nav.label')}>
          {SECTIONS.map((s) => (
            <a
              key={s}
              href={`#${s}`}
              data-section={s}
              aria-current={s === section ? 'page' : undefined}
            >
              {t(`nav.${s}`)}
            </a>
          ))}
        </nav>
      </header>
      <main class="library-main" id={`section-${section}`} data-section={section}>
        <h2 class="section-title">{t(`nav.${section}`)}</h2>
        {section === 'papers' && (
          <PapersSection
            selection={selection}
            onSelection={setSelection}
            episode={episodeFilter}
            onEpisode={setEpisodeFilter}
          />
        )}
        {section === 'episodes' && (
          <EpisodesSection
            onShowPapers={(episode) => {
              setEpisodeFilter(episode);
              location.hash = '#papers';
            }}
          />
        )}
        {section === 'stats' && <StatsSection />}
        {section === 'import-export' && <ImportExportSection selection={selection} />}
        {section === 'settings' && <SettingsSection />}
      </main>
    </div>
  );
}

/** Rendering a library or popup component in a test: with its settings and a fake background. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { PageSetup } from '@/components/common/i18n';
import { ServicesProvider, type AskFn, type Services } from '@/components/common/services';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

/** Services answering through `ask`, with no tab, no page and no changes. */
export function quietServices(ask: AskFn): Services {
  return {
    ask,
    onStoreChanged: () => () => undefined,
    openTab: () => undefined,
    openLibrary: () => undefined,
    pageEpisodes: async () => null,
    readActiveTab: async () => undefined,
  };
}

/** Lets the component's requests and renders run to rest. */
export async function settle(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

/** Renders `node` into `root` with `ask` as its background, and lets it settle. */
export async function mountInto(
  root: HTMLElement,
  node: preact.ComponentChild,
  ask: AskFn,
  settings: Settings = DEFAULT_SETTINGS,
): Promise<void> {
  await act(() => {
    render(
      <PageSetup initial={settings}>
        <ServicesProvider services={quietServices(ask)}>{node}</ServicesProvider>
      </PageSetup>,
      root,
    );
  });
  await settle();
}

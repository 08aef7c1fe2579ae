import { render } from 'preact';
import { PageSetup } from '@/components/common/i18n';
import { Library } from '@/components/Library';
import '@/assets/pages.css';
import '@/assets/library-links.css';

const root = document.getElementById('app');
if (root)
  render(
    <PageSetup>
      <Library />
    </PageSetup>,
    root,
  );

import { render } from 'preact';
import { PageSetup } from '@/components/common/i18n';
import { Popup } from '@/components/Popup';
import '@/assets/pages.css';

const root = document.getElementById('app');
if (root)
  render(
    <PageSetup>
      <Popup />
    </PageSetup>,
    root,
  );

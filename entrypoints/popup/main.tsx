import { render } from 'preact';
import { Popup } from '@/components/Popup';
import '@/assets/popup.css';

const root = document.getElementById('app');
if (root) render(<Popup />, root);

/**
 * The sidebar page's entry point: builds the screens into #app and starts talking to the server.
 */
import { startSidebar } from './app';
import { call } from './server';

const root = document.getElementById('app');
if (root) startSidebar(root, call);

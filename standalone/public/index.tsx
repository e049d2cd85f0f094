/*
 * The host's browser side: builds Kibana's core services, runs the workflows plugin's public
 * lifecycle (setup, then start) like Kibana does, and renders the page chrome with the routed app.
 */
import { createRoot } from 'react-dom/client';
import { plugin } from '../../public';
import { Chrome } from './chrome';
import { createCoreServices, createInitializerContext, runPluginLifecycle } from './core';
import { readHostInfo } from './host_info';
import { HostPagesPlugin } from './pages/host_pages_plugin';

const boot = () => {
  const core = createCoreServices(readHostInfo());
  runPluginLifecycle(core, plugin(createInitializerContext(core, 'workflows')), {
    setup: { uiActions: core.uiActions.setup, triggersActionsUi: core.triggersActionsUi.setup },
    start: { uiActions: core.uiActions.start, triggersActionsUi: core.triggersActionsUi.start },
  });
  // After the workflows plugin, so that its actions and connector models are registered when the pages render.
  runPluginLifecycle(core, new HostPagesPlugin(), {
    setup: {},
    start: { uiActions: core.uiActions.start, triggersActionsUi: core.triggersActionsUi.start },
  });

  window.addEventListener('beforeunload', (event) => {
    if (core.application.leaveWarning()) event.preventDefault();
  });

  const container = document.getElementById('kibana-body');
  if (!container) throw new Error('The page has no #kibana-body element to render into');
  createRoot(container).render(<Chrome application={core.application} history={core.history} toasts={core.toasts} theme$={core.theme$} />);
};

boot();

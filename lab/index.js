// The JupyterLab frontend, assembled from JupyterLab's npm packages as its examples/app does. The
// extension lists come from package.json ("jupyterlab"), so the bundle and the copied assets
// (schemas, themes) cannot disagree. Extensions named in page_config's disabledExtensions are left
// out, as JupyterLab's own bootstrap does (`jupyter labextension disable` writes that list).
import { JupyterLab } from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';
import { EXTENSIONS, MIME_EXTENSIONS } from 'activations-lab-generated/extensions.js';

// The bundle's chunks and assets are served under the app's static URL: set before any import().
// eslint-disable-next-line no-undef
__webpack_public_path__ = PageConfig.getOption('fullStaticUrl') + '/';

const styles = import('activations-lab-generated/style.js');

const isDisabled = (id) => PageConfig.Extension.isDisabled(id);
// Plugins that need server extensions Debian's Jupyter server lacks: the language servers, and the
// news and update check (which would also reach out to jupyter.org).
const UNSERVED = [':language-server', ':announcements'];

/** The plugins of one package that are not disabled (by package name or by plugin id). */
async function pluginsOf({ name, load }) {
  if (isDisabled(name)) return [];
  const module = await load();
  const exported = Object.prototype.hasOwnProperty.call(module, '__esModule') ? module.default : module;
  const plugins = Array.isArray(exported) ? exported : [exported];
  return plugins.filter(({ id }) => !UNSERVED.some((s) => id.includes(s)) && !isDisabled(id));
}

window.addEventListener('load', async () => {
  await styles;
  const [extensions, mimeExtensions] = await Promise.all([Promise.all(EXTENSIONS.map(pluginsOf)), Promise.all(MIME_EXTENSIONS.map(pluginsOf))]);
  const lab = new JupyterLab({ mimeExtensions: mimeExtensions.flat() });
  lab.registerPlugins(extensions.flat());
  await lab.start();
  await lab.restored;
  // The browser tests drive the app through it, as JupyterLab's own UI tests do (window.jupyterapp).
  window.jupyterapp = lab;
});

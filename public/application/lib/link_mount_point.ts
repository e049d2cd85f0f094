import type { MountPoint } from '@kbn/core/public';

/**
 * A toast body with one in-app link. Plain DOM on purpose: a toast lives outside the app's React
 * root, and a link needs no React.
 */
export const linkMountPoint =
  ({ text, href, onClick }: { text: string; href: string; onClick(): void }): MountPoint =>
  (element) => {
    const link = document.createElement('a');
    link.href = href;
    link.textContent = text;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      onClick();
    });
    element.appendChild(link);
    return () => link.remove();
  };

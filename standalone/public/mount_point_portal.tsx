import { useEffect, useRef } from 'react';
import type { MountPoint } from '@kbn/core/public';

/** Renders a Kibana `MountPoint` (a function that draws into a DOM element) inside a React tree. */
export const MountPointPortal = ({ mount }: { mount: MountPoint }) => {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => (element.current ? mount(element.current) : undefined), [mount]);
  return <div ref={element} />;
};

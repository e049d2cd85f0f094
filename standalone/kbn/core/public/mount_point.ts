export type UnmountCallback = () => void;

/** Renders something into a DOM element the caller owns; returns how to take it down again. */
export type MountPoint<T extends HTMLElement = HTMLElement> = (element: T) => UnmountCallback;

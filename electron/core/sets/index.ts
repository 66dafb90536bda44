export * from './sets';
export * from './createFrom';

export * from './time-offset';
export * from './time-provider';
export * from './time-sleep';
export * from './time-resource';

export * from './default-provider';
export * from './generated-files';
export * from './console-outputs';
export * from './console-values';
export * from './pem';
export * from './role-assignment';
export * from './terraform-escape';
export * from './terraform-data';

export * from './msgraph-provider';
export * from './msgraph-request';
export * from './msgraph-resource';
export * from './msgraph-update-resource';

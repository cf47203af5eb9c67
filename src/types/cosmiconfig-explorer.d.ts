// cosmiconfig's Explorer class, which its public factory wraps. The factory first looks for a
// "meta" configuration (.config/config.js, package.json "cosmiconfig") in the working folder and
// loads it with the JavaScript loaders; building the Explorer directly skips that step.
declare module 'cosmiconfig/dist/Explorer.js' {
  import type { CosmiconfigResult, Loader } from 'cosmiconfig';
  export interface ExplorerOptions {
    moduleName: string;
    searchPlaces: string[];
    ignoreEmptySearchPlaces: boolean;
    cache: boolean;
    transform: (result: CosmiconfigResult) => CosmiconfigResult | Promise<CosmiconfigResult>;
    loaders: Record<string, Loader>;
    metaConfigFilePath: null;
    mergeImportArrays: boolean;
    mergeSearchPlaces: boolean;
    searchStrategy: 'none' | 'project' | 'global';
  }
  export class Explorer {
    constructor(options: ExplorerOptions);
    search(from?: string): Promise<CosmiconfigResult>;
    load(filepath: string): Promise<CosmiconfigResult>;
  }
}

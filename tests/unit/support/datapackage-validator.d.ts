/** The npm package `datapackage` (Frictionless Data's JavaScript library) ships no types: the part the tests use. */
declare module 'datapackage' {
  export class Package {
    static load(descriptor: object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
  }
}

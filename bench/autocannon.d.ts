// The part of autocannon 9's API the fleet benchmark uses (the package ships no types).
declare module "autocannon" {
  namespace autocannon {
    interface Options {
      url: string;
      method?: string;
      headers?: Record<string, string>;
      connections?: number;
      amount?: number;
      timeout?: number;
      requests?: { setupRequest?: (req: object) => object }[];
    }
    interface Result {
      latency: { p50: number; p99: number; average: number };
      non2xx: number;
      errors: number;
    }
  }
  function autocannon(
    opts: autocannon.Options,
    done: (err: Error | null, result: autocannon.Result) => void,
  ): void;
  export = autocannon;
}

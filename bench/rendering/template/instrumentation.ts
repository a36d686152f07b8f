// Present so that Next.js, building this template inside the shop's folder, does not take the shop's instrumentation.ts.
export function register(): void {}

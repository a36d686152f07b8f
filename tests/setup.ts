// `server-only` throws when imported outside a React Server Components bundle; Vitest runs plain Node.
import { vi } from "vitest";

vi.mock("server-only", () => ({}));

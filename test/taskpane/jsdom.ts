/**
 * What jsdom lacks and the task pane's tests need (import first): Fluent's MessageBar observes its size
 * (jsdom has no layout, so the size never changes), and the workbook reader decodes UTF-8 with
 * TextDecoder, which browsers and Node have and jsdom's window does not.
 */
import { TextDecoder as NodeTextDecoder } from "util";

class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as unknown as Record<string, unknown>;
g.ResizeObserver ??= NoLayoutResizeObserver;
g.TextDecoder ??= NodeTextDecoder;

/*
 * FunctionFile (commands.html) for the ribbon.
 *
 * The "显示任务窗格" button is a declarative ShowTaskpane action and needs no code here.
 * ExecuteFunction buttons (检查工作簿 / 清除标记) will be added to `commands` below; the key must
 * match the <FunctionName> in manifest.xml.
 */

/* global console, Office */

type CommandHandler = (event: Office.AddinCommands.Event) => void | Promise<void>;

/** Ribbon commands by manifest FunctionName. Empty for now. */
const commands: Record<string, CommandHandler> = {};

/** Runs a handler and always signals completion, so Office never waits on a failed command. */
function asOfficeAction(name: string, handler: CommandHandler): (event: Office.AddinCommands.Event) => Promise<void> {
  return async (event) => {
    try {
      await handler(event);
    } catch (err) {
      console.error(`[commands] ${name} failed`, err);
    } finally {
      event.completed();
    }
  };
}

Office.onReady(() => {
  for (const [name, handler] of Object.entries(commands)) {
    Office.actions.associate(name, asOfficeAction(name, handler));
  }
});

export {};

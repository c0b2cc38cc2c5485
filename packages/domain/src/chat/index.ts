export * from "./chat-message.ts";
export * from "./message-text.ts";

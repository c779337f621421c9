/** The conversation fixture of the console's unit tests, shared with the widget's. */
export { testConversation } from '@aftercare/shared/testing/test-conversation.js';

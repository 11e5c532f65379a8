/** The bell's count (navCounts of ui/office): loaded after the first page. */
export { reminderCount } from './reminders';

/**
 * Larger files are refused in the page before reading: 10,000 accounts are
 * about 2 MB. The page sends the file's text to the background in one
 * message, and chrome.runtime messages carry up to 64 MiB of JSON, so a file
 * at this limit still fits.
 */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

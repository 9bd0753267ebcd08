// Placeholder while the page is built (issue #4); replaced by the page itself.
export default function Page() {
  return null;
}

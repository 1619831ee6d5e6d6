// Vite's `?url` imports: the built file's URL on the app's own origin (the pdf.js worker).
declare module '*?url' {
  const url: string;
  export default url;
}

import { ApiError } from '../app/api-client.ts';

/**
 * Sends a file as multipart: the options first, then the file, so the server reads them before streaming the
 * file into the import (the JSON client cannot send files). XMLHttpRequest, not fetch, because only it reports
 * upload progress; the browser streams the file from disk, so a file of any size goes up without being held.
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  fileName: string,
  fields: Record<string, string>,
  csrfToken: string | null,
  language: string,
  onProgress?: (sent: number, total: number) => void,
): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, fileName);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', language);
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    if (onProgress) xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () =>
      reject(new ApiError(0, 'NETWORK', language === 'en' ? 'Cannot reach the server' : '无法连接服务器'));
    xhr.onload = () => {
      let data: { error?: { code?: string; message?: string; fields?: Record<string, string> } } | undefined;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else
        reject(
          new ApiError(
            xhr.status,
            data?.error?.code ?? `HTTP_${xhr.status}`,
            data?.error?.message ?? xhr.statusText,
            data?.error?.fields,
          ),
        );
    };
    xhr.send(form);
  });
}

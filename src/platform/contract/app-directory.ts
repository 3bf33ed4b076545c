/** Directory of the container app in the service repository, the image's build context. */
export const APP_DIRECTORY = 'app';

/**
 * The build context of a service's image: `app/` when one service runs an image built from this
 * repository, `app/<service>/` when several do, so that two services are two images.
 */
export function appDirectoryOf(service: string, servicesWithOwnImage: number): string {
  return servicesWithOwnImage > 1 ? `${APP_DIRECTORY}/${service}` : APP_DIRECTORY;
}

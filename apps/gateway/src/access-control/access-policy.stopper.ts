// Stops the access policy's change listener when the gateway shuts down.
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AccessPolicy } from '#spean/access';

@Injectable()
export class AccessPolicyStopper implements OnApplicationShutdown {
  constructor(private readonly policy: AccessPolicy) {}

  onApplicationShutdown(): Promise<void> {
    return this.policy.stop();
  }
}

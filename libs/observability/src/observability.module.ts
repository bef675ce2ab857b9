// GET /health and GET /metrics for every Spean app, plus per-route timing.
import {
  Controller,
  Get,
  Header,
  Inject,
  Module,
  Res,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics.js';

export type HealthCheck = () => Promise<boolean>;
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

@Controller()
class HealthController {
  constructor(
    @Inject(HEALTH_CHECKS) private readonly checks: Record<string, HealthCheck>,
    private readonly metrics: Metrics,
  ) {}

  @Get('health')
  async health(@Res({ passthrough: true }) response: Response): Promise<object> {
    const entries = await Promise.all(
      Object.entries(this.checks).map(
        async ([name, check]) => [name, await check().catch(() => false)] as const,
      ),
    );
    const ok = entries.every(([, up]) => up);
    this.metrics.ready.set(ok ? 1 : 0);
    response.status(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'unavailable',
      checks: Object.fromEntries(entries.map(([n, up]) => [n, up ? 'up' : 'down'])),
    };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metricsText(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

@Module({})
export class ObservabilityModule implements NestModule {
  constructor(private readonly metrics: Metrics) {}

  static register(options: {
    metrics: Metrics;
    checks: Record<string, HealthCheck>;
  }): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [HealthController],
      providers: [
        { provide: Metrics, useValue: options.metrics },
        { provide: HEALTH_CHECKS, useValue: options.checks },
      ],
      exports: [Metrics],
      global: true,
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    const histogram = this.metrics.httpRequests;
    consumer
      .apply((request: Request, response: Response, next: NextFunction) => {
        const stop = histogram.startTimer({ method: request.method });
        response.on('finish', () => {
          // The matched route pattern, never the raw URL (it could hold an id).
          const route =
            (request.route as { path?: string } | undefined)?.path ??
            (request.baseUrl || 'unmatched');
          stop({ route, status: String(response.statusCode) });
        });
        next();
      })
      .forRoutes('*path');
  }
}

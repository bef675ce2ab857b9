// Fills spean_dead_letters_open from the dead-letter store on each scrape.
// The gateway alone does it: the store holds every group's letters, so a
// gauge in each process would report them all several times over.
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DeadLetterService } from '#spean/dead-letters';
import { Metrics } from '#spean/observability';

@Injectable()
export class DeadLetterGauge implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly deadLetters: DeadLetterService,
  ) {}

  onModuleInit(): void {
    this.metrics.observeOpenDeadLetters(() => this.deadLetters.counts());
  }
}

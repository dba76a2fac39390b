"""Fetching paper listings: the Hugging Face Daily Papers API, arXiv's OAI-PMH interface and the
arXiv API, through one polite, caching, retrying HTTP client, into resumable JSON Lines."""

from kg.fetch.http import HttpClient, default_cache_dir
from kg.fetch.output import ResumableJsonl
from kg.fetch.sources import (
    ARXIV_API, ARXIV_INTERVAL, ARXIV_OAI, HF_BASE, FetchReport, fetch_arxiv_ids, fetch_arxiv_listing, fetch_hf_daily,
    iter_ids, parse_date,
)

__all__ = ["HttpClient", "default_cache_dir", "ResumableJsonl", "FetchReport", "fetch_hf_daily", "fetch_arxiv_listing",
           "fetch_arxiv_ids", "iter_ids", "parse_date", "HF_BASE", "ARXIV_OAI", "ARXIV_API", "ARXIV_INTERVAL"]
